package fr.relais.appointment;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka", "PostgreSQL");
    }

    @Override
    protected String protectedPath() {
        return "/bookings/mine";
    }

    @Override
    protected DemoUser callerOfProtectedPath() {
        return DemoUser.CAMILLE;
    }
}
