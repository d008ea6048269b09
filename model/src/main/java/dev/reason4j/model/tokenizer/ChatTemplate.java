package dev.reason4j.model.tokenizer;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Reason4jException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jinjava.javax.el.CompositeELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hugging Face chat template (Jinja2), rendered as {@code transformers}' {@code apply_chat_template}
 * renders it: Jinja2 with {@code trim_blocks} and {@code lstrip_blocks}, the globals
 * {@code raise_exception} and {@code strftime_now}, HF's {@code tojson}, and the context
 * {@code messages}, {@code add_generation_prompt}, the special tokens and any extra variables
 * ({@code tools}, {@code enable_thinking}, {@code date_string}, ...).
 *
 * <p>Runs on Jinjava, bridged to Python semantics by {@link JinjaRewriter} (slices, keyword arguments,
 * printing), {@link PythonMethodResolver} ({@code str} methods) and {@link JinjaLibrary} (globals,
 * filters, tests). Known difference: Jinjava cannot tell {@code None} from an undefined variable, so
 * a {@code None} value prints as {@code ""} (Jinja2: {@code "None"}) and is not {@code defined}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ChatTemplate {
    private static final Logger log = LoggerFactory.getLogger(ChatTemplate.class);

    /** Python semantics where Jinjava has a switch: dict-literal keys are expressions, for-loops over dicts give keys. */
    private static final LegacyOverrides LEGACY = LegacyOverrides.newBuilder().withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true).withKeepNullableLoopValues(true).build();

    private final String source;
    private final JinjaRewriter.Rewritten rewritten;
    private final Map<String, Object> specialTokens;
    private final Jinjava jinjava;

    private ChatTemplate(String source, Map<String, Object> specialTokens) {
        this.source = source;
        this.rewritten = JinjaRewriter.rewrite(source);
        this.specialTokens = Map.copyOf(specialTokens);
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonMethodResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(false) // JinjaLexer has applied Jinja2's whitespace rules already
                .withLstripBlocks(false)
                .withKeepTrailingNewline(true)
                .withLegacyOverrides(LEGACY)
                .withElResolver(resolver)
                .withFailOnUnknownTokens(false)
                .build();
        this.jinjava = new Jinjava(config);
        JinjaLibrary.register(jinjava.getGlobalContext());
    }

    /**
     * @param source        the template text (as in {@code tokenizer_config.json}'s {@code chat_template})
     * @param specialTokens {@code bos_token}, {@code eos_token}, {@code pad_token}, {@code unk_token}
     *                      (strings; absent ones are left undefined, as HF leaves unset tokens)
     */
    public static ChatTemplate compile(String source, Map<String, Object> specialTokens) {
        Objects.requireNonNull(source, "chat template source");
        Map<String, Object> tokens = new LinkedHashMap<>();
        if (specialTokens != null) {
            specialTokens.forEach((k, v) -> {
                if (v != null) {
                    tokens.put(k, v);
                }
            });
        }
        try {
            return new ChatTemplate(source, tokens);
        } catch (IllegalArgumentException e) {
            throw new Reason4jException("chat template cannot be compiled: " + e.getMessage(), e);
        }
    }

    /** The template text as given. */
    public String source() {
        return source;
    }

    /**
     * Renders a conversation.
     *
     * @param messages            {@code {role, content, ...}} maps (tool calls, reasoning_content, ...)
     * @param addGenerationPrompt whether to end with the header that opens an assistant turn
     * @param extraContext        further template variables ({@code tools}, {@code enable_thinking}, ...);
     *                            may be null
     * @throws Reason4jException if the template calls {@code raise_exception} (the message is the
     *                           template's) or cannot be rendered
     */
    public String render(List<Map<String, Object>> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        Objects.requireNonNull(messages, "messages");
        Map<String, Object> context = new LinkedHashMap<>(rewritten.literals());
        context.putAll(specialTokens);
        // Templates test "strftime_now is defined"; Jinjava's functions are not variables, so mark them.
        context.put("strftime_now", "<function strftime_now>");
        context.put("raise_exception", "<function raise_exception>");
        context.put("messages", plain(messages));
        context.put("add_generation_prompt", addGenerationPrompt);
        if (extraContext != null) {
            extraContext.forEach((k, v) -> context.put(k, plain(v)));
        }
        RenderResult result;
        try {
            result = jinjava.renderForResult(rewritten.template(), context);
        } catch (RuntimeException e) {
            throw failure(e.getMessage(), e);
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw failure(error.getMessage(), error.getException());
            }
            log.debug("chat template warning: {}", error.getMessage());
        }
        return result.getOutput();
    }

    /** {@link #render(List, boolean, Map)} for plain {@code {role, content}} messages. */
    public String render(Collection<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        return render(toMaps(messages), addGenerationPrompt, extraContext);
    }

    static List<Map<String, Object>> toMaps(Collection<ChatMessage> messages) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ChatMessage m : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", m.role());
            map.put("content", m.content());
            maps.add(map);
        }
        return maps;
    }

    private static Reason4jException failure(String message, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JinjaLibrary.TemplateRaised raised) {
                return new Reason4jException("the chat template refused this conversation: " + raised.getMessage(), raised);
            }
        }
        String reason = message == null ? String.valueOf(cause) : message;
        int at = reason.indexOf(JinjaLibrary.TemplateRaised.class.getName() + ": ");
        if (at >= 0) {
            String raised = reason.substring(at + JinjaLibrary.TemplateRaised.class.getName().length() + 2);
            return new Reason4jException("the chat template refused this conversation: " + raised, cause);
        }
        return new Reason4jException("the chat template failed to render: " + reason
                + " (check the template's syntax, or the messages' fields it expects)", cause);
    }

    /** A deep copy into mutable Java collections: Jinjava looks maps up by null keys, which Map.of rejects. */
    private static Object plain(Object x) {
        if (x instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (x instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        if (x instanceof ChatMessage m) {
            return toMaps(List.of(m)).get(0);
        }
        return x;
    }
}
