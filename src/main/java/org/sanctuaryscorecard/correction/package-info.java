/**
 * Correction requests from rated parties and anyone else: on a published scorecard, a person (no account needed)
 * asks the organization that published it to correct something, with evidence. {@link Corrections} receives them
 * within explicit limits ({@link CorrectionLimits}) and lets the organization's reviewers read and answer or dismiss
 * them. Nothing here is ever published, and nothing changes an assessment by itself.
 */
package org.sanctuaryscorecard.correction;
