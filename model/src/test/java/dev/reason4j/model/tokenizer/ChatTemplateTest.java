package dev.reason4j.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Reason4jException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    private static final List<Map<String, Object>> ONE_USER = List.of(Map.of("role", "user", "content", "Hello world!"));

    private static String render(String source) {
        return ChatTemplate.compile(source, Map.of()).render(ONE_USER, false, Map.of());
    }

    @Test
    void raiseExceptionBecomesAUserErrorCarryingTheTemplatesMessage() {
        ChatTemplate template = ChatTemplate.compile(
                "{% if messages|length < 2 %}{{ raise_exception('Need at least ' ~ 2 ~ ' messages') }}{% endif %}ok", Map.of());
        Reason4jException e = assertThrows(Reason4jException.class, () -> template.render(ONE_USER, true, null));
        assertEquals("the chat template refused this conversation: Need at least 2 messages", e.getMessage());
    }

    @Test
    void strftimeNowGivesTodayWhenNoDateStringIsPassed() {
        String llama = ChatTemplateFixturesTest.text("templates/llama3.2-instruct.jinja");
        DateTimeFormatter pythonDayMonthYear = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.US);
        String before = LocalDate.now().format(pythonDayMonthYear);
        String rendered = ChatTemplate.compile(llama, Map.of("bos_token", "<|begin_of_text|>")).render(ONE_USER, true, null);
        String after = LocalDate.now().format(pythonDayMonthYear);
        assertTrue(rendered.contains("Today Date: " + before + "\n") || rendered.contains("Today Date: " + after + "\n"), rendered);
    }

    @Test
    void chatMessagesRenderLikeTheEquivalentMaps() {
        ChatTemplate template = ChatTemplate.compile(SyntheticTokenizer.CHAT_TEMPLATE, Map.of());
        String fromRecords = template.render(List.of(ChatMessage.system("Be brief."), ChatMessage.user("2+2?")), true, null);
        String fromMaps = template.render(List.of(Map.<String, Object>of("role", "system", "content", "Be brief."),
                Map.<String, Object>of("role", "user", "content", "2+2?")), true, null);
        assertEquals("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n", fromRecords);
        assertEquals(fromMaps, fromRecords);
    }

    @Test
    void extraContextReachesTheTemplateAndSpecialTokensAreDefined() {
        ChatTemplate template = ChatTemplate.compile("{{ bos_token }}|{{ enable_thinking }}|{{ unk_token is defined }}",
                Map.of("bos_token", "<s>"));
        assertEquals("<s>|False|False", template.render(ONE_USER, false, Map.of("enable_thinking", false)));
    }

    @Test
    void brokenSyntaxIsAUserErrorNamingTheProblem() {
        ChatTemplate template = ChatTemplate.compile("{{ messages[0].content + }}", Map.of());
        Reason4jException e = assertThrows(Reason4jException.class, () -> template.render(ONE_USER, false, null));
        assertTrue(e.getMessage().startsWith("the chat template failed to render: "), e.getMessage());
    }

    /** Expected values are Python Jinja2's output (trim_blocks, lstrip_blocks) for the same source. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`  {% if true %}\\nx\\n  {% endif %}\\ny`|`x\\ny`",
        "`a {% if true %} b {% endif %} c\\n`|`a  b  c`",
        "`{{ 'a' }}  {# c #}\\n  {%- if true +%}\\n z{% endif %}`|`a  \\n z`",
        "`line\\r\\n  {%+ if true %}k{% endif %}\\r\\n`|`line\\n  k`",
        "`{% raw -%}  {{ x }}  {%- endraw %}|`|`{{ x }}|`",
        "`{{ messages[0].content[::-1] }}`|`!dlrow olleH`",
        "`{{ messages[0]['content'].split('o')[-1] }}`|`rld!`",
        "`{{ messages[0].content[0] }}{{ messages[0].content[-1] }}`|`H!`",
        "`{{ not messages[0].content|length == 12 }}`|`False`",
    })
    void whitespaceControlAndExpressionsFollowJinja2(String source, String expected) {
        assertEquals(unescape(expected), render(unescape(source)));
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }
}
