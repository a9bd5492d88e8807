package fr.relais.notification;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
@QuarkusTestResource(FakeRecipients.class)
@QuarkusTestResource(SmsCentre.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka", "PostgreSQL");
    }

    @Override
    protected String protectedPath() {
        return "/me/messages";
    }

    @Override
    protected DemoUser callerOfProtectedPath() {
        return DemoUser.CAMILLE;
    }
}
