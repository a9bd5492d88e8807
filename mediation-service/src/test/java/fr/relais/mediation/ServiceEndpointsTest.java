package fr.relais.mediation;

import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

@QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(TestTopics.class)
class ServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> readinessProbes() {
        return List.of("Kafka", "PostgreSQL");
    }

    @Override
    protected String protectedPath() {
        return "/cases/queue";
    }

    @Override
    protected DemoUser callerOfProtectedPath() {
        return DemoUser.MAYA;
    }
}
