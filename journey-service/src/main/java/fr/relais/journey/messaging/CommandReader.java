package fr.relais.journey.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.journey.JourneyCommand;

import java.util.Map;

/**
 * Turns a Kafka record of journey.commands into a command, or says precisely why it cannot.
 * Reasons name headers, types and JSON locations, never payload values.
 */
public final class CommandReader {

    private static final int MAX_REASON = 300;

    private CommandReader() {
    }

    public record ReadCommand(JourneyCommand command, CloudEventAttributes attributes) {
    }

    public static ReadCommand read(Map<String, String> headers, String key, String value) throws PoisonRecordException {
        String type = headers.get(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new PoisonRecordException("missing header " + CloudEventHeaders.TYPE);
        }
        Class<?> payloadClass = Contracts.find(type)
                .orElseThrow(() -> new PoisonRecordException("unknown CloudEvents type '" + abbreviate(type) + "'"))
                .payloadClass();
        if (!JourneyCommand.class.isAssignableFrom(payloadClass)) {
            throw new PoisonRecordException("type '" + type + "' is not a journey command");
        }
        CloudEventAttributes attributes;
        try {
            attributes = CloudEventAttributes.fromKafkaHeaders(headers);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("bad CloudEvents headers: " + abbreviate(e.getMessage()));
        }
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("empty payload");
        }
        JourneyCommand command;
        try {
            command = (JourneyCommand) ContractJson.mapper().readValue(value, payloadClass);
        } catch (JsonProcessingException e) {
            // the original message names the problem and its location without echoing the document
            throw new PoisonRecordException("unreadable " + type + " payload: " + abbreviate(e.getOriginalMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException("invalid " + type + " payload: " + abbreviate(String.valueOf(e.getMessage())));
        }
        if (key == null || !key.equals(command.journeyId().toString())) {
            throw new PoisonRecordException("record key does not match the command's journey id");
        }
        return new ReadCommand(command, attributes);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
