/** Problem loaders, public schema presets, synthetic task generators and prompt templates. No DJL. */
package dev.reason4j.datasets;
