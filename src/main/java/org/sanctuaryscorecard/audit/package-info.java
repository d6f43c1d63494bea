/**
 * The audit trail: who changed what, when, from where, with the values before and after. {@link Actor} is the person
 * (or the system) on whose behalf the current thread works; {@link AuditTrail} records and lists the events.
 */
package org.sanctuaryscorecard.audit;
