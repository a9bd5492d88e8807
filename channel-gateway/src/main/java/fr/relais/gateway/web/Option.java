package fr.relais.gateway.web;

import io.quarkus.qute.TemplateData;

/** One choice of a list the page offers (a site, a motif): the id sent back, the name shown. */
@TemplateData
public record Option(String id, String name) {

    /** The name, or the id when the service gave none. */
    static Option of(String id, String name) {
        return new Option(Wording.text(id), name == null ? Wording.text(id) : name);
    }
}
