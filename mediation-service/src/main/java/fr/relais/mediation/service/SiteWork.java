package fr.relais.mediation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records a hand-off to a site and an agent's claim at a site (experience: agents' workload per site), once per
 * journey event, in the transaction that processes it.
 */
final class SiteWork {

    private static final String INSERT = "insert into site_work (source_id, journey_id, site, kind, agent, at)"
            + " values (:source, :journey, :site, :kind, :agent, :at) on conflict (source_id) do nothing";

    private SiteWork() {
    }

    static Uni<Integer> record(Ingest ingest) {
        Milestone milestone = ingest.milestone();
        if (milestone == null || ingest.site() == null
                || (milestone.kind() != Milestone.Kind.CLAIMED && milestone.kind() != Milestone.Kind.HANDED_OFF)) {
            return Uni.createFrom().item(0);
        }
        boolean claim = milestone.kind() == Milestone.Kind.CLAIMED;
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                .setParameter("source", ingest.cause().id())
                .setParameter("journey", ingest.journeyId())
                .setParameter("site", ingest.site())
                .setParameter("kind", claim ? "claim" : "handoff")
                .setParameter("agent", claim ? milestone.subject() : null)
                .setParameter("at", milestone.at())
                .executeUpdate());
    }
}
