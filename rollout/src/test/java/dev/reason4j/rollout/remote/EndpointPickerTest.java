package dev.reason4j.rollout.remote;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointPickerTest {
    private final Endpoint a = new Endpoint(URI.create("http://a:1"));
    private final Endpoint b = new Endpoint(URI.create("http://b:1"));
    private final Endpoint c = new Endpoint(URI.create("http://c:1"));
    private final EndpointPicker picker = new EndpointPicker(List.of(a, b, c));

    @Test
    void equalServersTakeTurnsAndTheLeastBusyIsPicked() {
        assertSame(a, picker.pick(Set.of(), 0));
        assertSame(b, picker.pick(Set.of(), 0));
        assertSame(c, picker.pick(Set.of(), 0));
        b.outstanding.decrementAndGet(); // b finished its request: it is now the least busy
        assertSame(b, picker.pick(Set.of(), 0));
    }

    @Test
    void aServerNotYetTriedBeatsALessBusyOneThatWas() {
        a.outstanding.set(5);
        assertSame(a, picker.pick(Set.of(b, c), 0));
    }

    @Test
    void aServerThatFailedLatelyIsPickedLastUntilItsCooldownEnds() {
        a.failed(0, 1_000);
        b.failed(0, 1_000);
        c.outstanding.set(9);
        assertSame(c, picker.pick(Set.of(), 500));
        c.outstanding.set(9);
        assertSame(a, picker.pick(Set.of(), 2_000));
    }
}
