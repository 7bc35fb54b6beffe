package dev.respawn.reloader.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SpringDevDefaultsTest {

    @Test
    void turnsOffTheCachesOfTheTemplateEnginesThatAreThere() {
        Map<String, Object> applied = SpringDevDefaults.defaults(name -> false,
                Set.of("org.thymeleaf.TemplateEngine", "org.springframework.web.servlet.resource.ResourceHttpRequestHandler")::contains);

        assertThat(applied).containsExactly(Map.entry("spring.thymeleaf.cache", "false"),
                Map.entry("spring.web.resources.cache.period", "0"), Map.entry("spring.web.resources.chain.cache", "false"));
    }

    @Test
    void leavesAloneWhatTheApplicationSetsItself() {
        Map<String, Object> applied = SpringDevDefaults.defaults("spring.thymeleaf.cache"::equals, name -> true);

        assertThat(applied).doesNotContainKey("spring.thymeleaf.cache").containsKey("spring.freemarker.cache");
    }

    @Test
    void saysWhichDefaultsApplied() {
        assertThat(SpringDevDefaults.describe(Map.of("spring.thymeleaf.cache", "false")))
                .isEqualTo("development defaults: spring.thymeleaf.cache=false (the application's own settings win)");
    }
}
