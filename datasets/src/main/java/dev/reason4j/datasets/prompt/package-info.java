/**
 * Prompt templates: how a dataset question becomes what the model is asked. Text templates (R1-Zero,
 * "put the final answer in \boxed{}", or a user's own string with {@code {question}}) and chat templates
 * (messages with an optional system prompt, rendered later through the model's own chat template).
 */
package dev.reason4j.datasets.prompt;
