package dev.respawn.reloader.defaults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Development defaults for a Spring Boot application that respawn serves, as Spring Boot DevTools'
 * {@code DevToolsPropertyDefaultsPostProcessor} sets them: template and static resource caches off,
 * so that a saved template is served at once (templates never restart the application). They are
 * the lowest-precedence property source, so the application's own settings win; the defaults that
 * applied are said once per JVM.
 */
public final class SpringDevDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "respawnDevelopmentDefaults";

    private static final AtomicBoolean SAID = new AtomicBoolean();

    /** Each default and the class that tells its framework is there. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("spring.thymeleaf.cache=false", "org.thymeleaf.TemplateEngine");
        DEFAULTS.put("spring.freemarker.cache=false", "freemarker.template.Configuration");
        DEFAULTS.put("spring.groovy.template.cache=false", "groovy.text.markup.MarkupTemplateEngine");
        DEFAULTS.put("spring.mustache.servlet.cache=false", "com.samskivert.mustache.Mustache");
        DEFAULTS.put("spring.mustache.reactive.cache=false", "com.samskivert.mustache.Mustache");
        DEFAULTS.put("spring.template.provider.cache=false", "org.springframework.boot.autoconfigure.template.TemplateAvailabilityProviders");
        DEFAULTS.put("spring.web.resources.cache.period=0", "org.springframework.web.servlet.resource.ResourceHttpRequestHandler");
        DEFAULTS.put("spring.web.resources.chain.cache=false", "org.springframework.web.servlet.resource.ResourceHttpRequestHandler");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader loader = application.getClassLoader();
        Map<String, Object> applied = defaults(environment::containsProperty, name -> present(name, loader));
        if (applied.isEmpty() || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, applied));
        if (SAID.compareAndSet(false, true)) {
            System.err.println("respawn: " + describe(applied));
        }
    }

    /** The defaults whose framework is there and that the application does not set itself. */
    static Map<String, Object> defaults(Predicate<String> setByApplication, Predicate<String> classPresent) {
        Map<String, Object> applied = new LinkedHashMap<>();
        DEFAULTS.forEach((setting, marker) -> {
            String name = setting.substring(0, setting.indexOf('='));
            if (!setByApplication.test(name) && classPresent.test(marker)) {
                applied.put(name, setting.substring(setting.indexOf('=') + 1));
            }
        });
        return applied;
    }

    /** The terminal line: which defaults applied, and how to change one. */
    static String describe(Map<String, Object> applied) {
        StringBuilder line = new StringBuilder("development defaults: ");
        applied.forEach((name, value) -> line.append(name).append('=').append(value).append(", "));
        line.setLength(line.length() - 2);
        return line.append(" (the application's own settings win)").toString();
    }

    private static boolean present(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
