/**
 * Policy records: a state or local law, ordinance, directive or department policy, its text, where it came from,
 * whether it is in force, and its thirteen provision labels, each with a quote that occurs in the text. {@link Policies}
 * reads them and lets editors add and correct them (every change audited); the application ships the binding state and
 * local laws of the project's labeled corpus ({@code policies/policies.yaml}).
 */
package org.sanctuaryscorecard.policy;
