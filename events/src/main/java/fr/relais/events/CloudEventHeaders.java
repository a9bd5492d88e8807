package fr.relais.events;

/**
 * Kafka header names of CloudEvents 1.0 in binary mode (Kafka protocol binding: {@code ce_} + attribute
 * name), as SmallRye's Kafka connector writes and reads them. Useful where a header is read by hand:
 * dead-letter handling, tests that inspect raw records.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CORRELATION_ID = "ce_" + CloudEventAttributes.CORRELATION_ID_EXTENSION;
    public static final String CAUSATION_ID = "ce_" + CloudEventAttributes.CAUSATION_ID_EXTENSION;
    /** {@code datacontenttype} maps to the plain {@code content-type} header in binary mode. */
    public static final String CONTENT_TYPE = "content-type";

    /** Why a record was sent to {@code <topic>.dlq}: a short machine-readable code, never a payload excerpt. */
    public static final String DLQ_REASON_HEADER = "relais-dlq-reason";
    /** Where a dead-lettered record was read: {@code topic/partition@offset}. */
    public static final String DLQ_ORIGIN_HEADER = "relais-dlq-origin";
    /** Which service parked it: a topic read by several services gets one copy from each that could not process it. */
    public static final String DLQ_CONSUMER_HEADER = "relais-dlq-consumer";

    private CloudEventHeaders() {
    }
}
