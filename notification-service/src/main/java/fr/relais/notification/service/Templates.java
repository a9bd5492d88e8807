package fr.relais.notification.service;

import fr.relais.notification.domain.Channel;
import fr.relais.notification.domain.Trigger;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The French texts, one versioned file per trigger and channel (templates/notifications/v1/&lt;trigger&gt;.&lt;channel&gt;.txt),
 * rendered with Qute. An e-mail file starts with its subject line, then a blank line, then the body.
 */
@ApplicationScoped
public class Templates {

    public static final String VERSION = "v1";

    /** A rendered message: the subject for an e-mail, null otherwise. */
    public record Rendered(String subject, String body) {
    }

    @Inject
    Engine engine;

    public boolean exists(Trigger trigger, Channel channel) {
        return template(trigger, channel).isPresent();
    }

    /** @throws UnknownTemplateException when the trigger has no text for the channel */
    public Rendered render(Trigger trigger, Channel channel, Map<String, Object> data) {
        Template template = template(trigger, channel).orElseThrow(() -> new UnknownTemplateException(trigger, channel));
        io.quarkus.qute.TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        String text = instance.render().strip();
        if (channel != Channel.EMAIL) {
            return new Rendered(null, text);
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalStateException("e-mail template without a subject line: " + id(trigger, channel));
        }
        return new Rendered(text.substring(0, blank).strip(), text.substring(blank + 2).strip());
    }

    public static String id(Trigger trigger, Channel channel) {
        return "notifications/" + VERSION + "/" + trigger.code() + "." + channel.code();
    }

    private Optional<Template> template(Trigger trigger, Channel channel) {
        return Optional.ofNullable(engine.getTemplate(id(trigger, channel)));
    }

    /** A trigger and channel without a text: a configuration error, parked with its reason. */
    public static class UnknownTemplateException extends RuntimeException {
        public UnknownTemplateException(Trigger trigger, Channel channel) {
            super("no template " + id(trigger, channel));
        }
    }
}
