/**
 * What the channels (portal, phone, desk) report about a citizen's experience: touchpoints on
 * {@code channel.touchpoints}, which feed mediation-service's friction policy.
 *
 * <p>No personal data: ids, codes, step names, channel and site names, counts and timestamps only.
 * A touchpoint says <em>that</em> a field was invalid, never what was typed.
 */
package fr.relais.events.channel;
