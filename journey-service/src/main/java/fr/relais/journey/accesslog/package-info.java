/**
 * The access log nobody can rewrite unnoticed (#22): each entry carries the hash of the previous entry of the same
 * person (a hash chain per person, or per journey while it belongs to no person record); a daily digest of every
 * chain's head is signed with Ed25519; {@link fr.relais.journey.accesslog.VerifyAccessLog} (./relais
 * verify-access-log) recomputes the chains from the rows and checks them against the signed digests, naming any
 * edited, deleted or reordered entry.
 */
package fr.relais.journey.accesslog;
