package fr.relais.gateway;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    /** Kafka, and the database the instances share (pending commands, Idempotency-Keys, limits). */
    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka", "PostgreSQL");
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
