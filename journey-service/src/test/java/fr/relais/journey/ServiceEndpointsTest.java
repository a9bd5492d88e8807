package fr.relais.journey;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka", "PostgreSQL");
    }

    @Override
    protected String protectedPath() {
        return "/journeys/mine";
    }

    @Override
    protected DemoUser callerOfProtectedPath() {
        return DemoUser.CAMILLE;
    }
}
