package fr.relais.gateway;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    /** The gateway keeps nothing durable, so Kafka is its only dependency to probe. */
    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka");
    }

    @Override
    protected String protectedPath() {
        return "/api/me";
    }

    @Override
    protected DemoUser callerOfProtectedPath() {
        return DemoUser.CAMILLE;
    }
}
