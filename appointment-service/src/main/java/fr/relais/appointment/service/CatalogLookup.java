package fr.relais.appointment.service;

import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Rejection;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.persistence.Catalog;

/** The motif or site a request names, or the refusal (422) that says it is not known. */
final class CatalogLookup {

    private CatalogLookup() {
    }

    static Motif motif(Catalog catalog, String id) {
        return catalog.motif(id).orElseThrow(() -> AppointmentProblems.refused(
                new Rejection(Rejection.UNKNOWN_MOTIF, "no motif " + id + "; known: " + catalog.motifs().keySet())));
    }

    static Site site(Catalog catalog, String id) {
        return catalog.site(id).orElseThrow(() -> AppointmentProblems.refused(
                new Rejection(Rejection.UNKNOWN_SITE, "no site " + id)));
    }
}
