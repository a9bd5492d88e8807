package fr.relais.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which channels a message goes out on. Appointments: every instant channel she can be reached by; the others: the
 * first one in the fallback order (e-mail, SMS, letter). A letter only when no instant channel is left and the trigger
 * still makes sense days later. When a channel fails for good, the next untried one takes over.
 */
public final class ChannelPlan {

    private ChannelPlan() {
    }

    /** The channels to start with; empty when she can be reached on none. */
    public static List<Channel> first(Trigger trigger, Recipient recipient) {
        List<Channel> instant = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (channel.instant() && recipient.reachableBy(channel)) {
                instant.add(channel);
            }
        }
        if (!instant.isEmpty()) {
            return trigger.everyInstantChannel() ? instant : List.of(instant.get(0));
        }
        return letterFor(trigger, recipient) ? List.of(Channel.LETTER) : List.of();
    }

    /** The channel after a permanent failure, among those not tried yet. */
    public static Optional<Channel> next(Trigger trigger, Recipient recipient, Set<Channel> tried) {
        for (Channel channel : Channel.values()) {
            if (tried.contains(channel) || !recipient.reachableBy(channel)) {
                continue;
            }
            if (channel == Channel.LETTER && !trigger.letterAllowed()) {
                continue;
            }
            return Optional.of(channel);
        }
        return Optional.empty();
    }

    private static boolean letterFor(Trigger trigger, Recipient recipient) {
        return trigger.letterAllowed() && recipient.reachableBy(Channel.LETTER);
    }
}
