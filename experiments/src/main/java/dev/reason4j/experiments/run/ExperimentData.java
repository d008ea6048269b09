package dev.reason4j.experiments.run;

import dev.reason4j.core.Problem;
import dev.reason4j.datasets.FieldMapping;
import dev.reason4j.datasets.FileProblemSource;
import dev.reason4j.datasets.ProblemSource;
import dev.reason4j.datasets.Split;
import dev.reason4j.datasets.Splits;
import dev.reason4j.datasets.prompt.ChatPromptTemplate;
import dev.reason4j.datasets.prompt.PromptTemplate;
import dev.reason4j.datasets.prompt.PromptTemplates;
import dev.reason4j.datasets.synthetic.GeneratedProblems;
import dev.reason4j.experiments.config.ConfigLocations;
import dev.reason4j.experiments.config.DataSection;
import dev.reason4j.experiments.config.ExperimentConfig;
import dev.reason4j.experiments.config.GeneratorFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The problems of a run, split so that no held-out prompt is trained on.
 *
 * @param train            training problems, prompts rendered through the template
 * @param heldOut          evaluation problems as the source wrote them (the evaluator renders them with
 *                         the same template), at most {@code eval.n_problems}
 * @param template         the prompt template
 * @param droppedFromTrain training problems removed because a held-out problem has the same prompt
 * @param source           where the problems came from, for logs and the summary
 */
public record ExperimentData(List<Problem> train, List<Problem> heldOut, PromptTemplate template, int droppedFromTrain, String source) {

    public static ExperimentData load(ExperimentConfig c, ConfigLocations at) {
        DataSection d = c.data();
        PromptTemplate template = template(d);
        ProblemSource source = d.hasTrainingSource() ? source(c, at) : null;
        List<Problem> all = source != null ? source.load().problems() : List.of();
        Split split;
        if (d.evalSource() != null) {
            split = Splits.withoutLeaks(all, file(d, d.evalSource()).load().problems());
        } else if (d.heldOut() != null) {
            split = Splits.split(all, d.heldOut().toHeldOut(), c.seed());
        } else {
            split = new Split(all, List.of(), 0);
        }
        List<Problem> heldOut = split.heldOut();
        if (c.eval().nProblems() != null && heldOut.size() > c.eval().nProblems()) {
            heldOut = heldOut.subList(0, c.eval().nProblems());
        }
        List<Problem> train = split.train().stream().map(template::applyTo).toList();
        String described = source != null ? source.describe() : "evaluation only: " + d.evalSource();
        return new ExperimentData(train, heldOut, template, split.droppedFromTrain(), described);
    }

    /** data.template with template_override and system_prompt applied. */
    static PromptTemplate template(DataSection d) {
        PromptTemplate template = PromptTemplates.resolve(d.template(), d.templateOverride());
        if (d.systemPrompt() != null && template instanceof ChatPromptTemplate chat) {
            return new ChatPromptTemplate(chat.name(), d.systemPrompt(), chat.userPattern());
        }
        return template;
    }

    private static ProblemSource source(ExperimentConfig c, ConfigLocations at) {
        DataSection d = c.data();
        if (d.source() != null) {
            return file(d, d.source());
        }
        long seed = d.generator().seed() != null ? d.generator().seed() : c.seed();
        return new GeneratedProblems(GeneratorFactory.create(d.generator(), at.of("data.generator.params")), d.generator().count(), seed);
    }

    private static FileProblemSource file(DataSection d, Path file) {
        return d.fields() != null ? FileProblemSource.of(file, FieldMapping.fromConfig(d.fields()), d.badRows())
                : FileProblemSource.withPreset(file, d.preset(), d.badRows());
    }
}
