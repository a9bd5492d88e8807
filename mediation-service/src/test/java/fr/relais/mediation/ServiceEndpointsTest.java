package fr.relais.mediation;

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
}
