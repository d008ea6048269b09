/** What users touch: YAML experiments, the reason4j command line, evaluation and reports. */
package dev.reason4j.experiments;
