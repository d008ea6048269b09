/** Shared values every module speaks. Records only: no logic beyond validation, no DJL. */
package dev.reason4j.core;
