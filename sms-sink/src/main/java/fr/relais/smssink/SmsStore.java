package fr.relais.smssink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the sink received: whole messages, the parts of concatenated ones, and the parts still waiting for the rest. */
final class SmsStore {

    private record PendingKey(String from, String to, int reference, int total) {
    }

    private final Clock clock;
    private final List<ReceivedSms> messages = new ArrayList<>();
    private final List<ReceivedPart> parts = new ArrayList<>();
    private final Map<PendingKey, TreeMap<Integer, ReceivedPart>> pending = new HashMap<>();

    SmsStore(Clock clock) {
        this.clock = clock;
    }

    synchronized void addWhole(String id, String from, String to, String text, int dataCoding) {
        messages.add(new ReceivedSms(id, from, to, text, 1, dataCoding, clock.instant()));
    }

    /** Keeps the part; once every part of its message is here, keeps the message put back together too. */
    synchronized void addPart(String id, String from, String to, UserDataHeader.Concatenation place, String text,
                              int dataCoding) {
        ReceivedPart part = new ReceivedPart(id, from, to, place.reference(), place.sequence(), place.total(), text,
                dataCoding, clock.instant());
        parts.add(part);
        PendingKey key = new PendingKey(from, to, place.reference(), place.total());
        TreeMap<Integer, ReceivedPart> received = pending.computeIfAbsent(key, k -> new TreeMap<>());
        // a part sent again (the client timed out waiting for our answer) replaces the first copy
        received.put(place.sequence(), part);
        if (received.size() < place.total()) {
            return;
        }
        pending.remove(key);
        StringBuilder whole = new StringBuilder();
        received.values().forEach(p -> whole.append(p.text()));
        ReceivedPart first = received.firstEntry().getValue();
        messages.add(new ReceivedSms(first.id(), from, to, whole.toString(), place.total(), first.dataCoding(),
                clock.instant()));
    }

    synchronized List<ReceivedSms> messages() {
        return List.copyOf(messages);
    }

    synchronized List<ReceivedPart> parts() {
        return List.copyOf(parts);
    }

    synchronized void clear() {
        messages.clear();
        parts.clear();
        pending.clear();
    }
}
