/**
 * Optional second coding: a reviewer asks a second editor to answer an assessment's criterion questions blind; the
 * two codings are compared question by question with their divergence rate, and a reviewer reconciles each
 * difference, writing the decided answer into the assessment. {@link org.sanctuaryscorecard.secondcoding.SecondCoding}
 * is the service; its pages and API are in {@code web}, its SQL in {@code internal}.
 */
package org.sanctuaryscorecard.secondcoding;
