package fr.relais.gateway.web;

import io.quarkus.qute.TemplateData;

/** One dated line of a list in words: a timeline event, an access-log entry, a friction signal, a case's history. */
@TemplateData
public record Line(String when, String text) {
}
