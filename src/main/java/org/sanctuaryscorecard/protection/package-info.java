/**
 * Effective protection: for any jurisdiction and date, the label on each of the thirteen provisions that follows from
 * its own policies and those of the governments above it, layered by the rules of {@code protection/layering.yaml}
 * ({@link LayeringRules}): the strongest protection in force applies, unless the state's contrary law preempts local
 * limits; jail provisions follow the government that runs the jail. {@link EffectiveProtections} is the public service
 * (a jurisdiction's page, the API, the national map); {@link Layering} is the pure rule.
 */
package org.sanctuaryscorecard.protection;
