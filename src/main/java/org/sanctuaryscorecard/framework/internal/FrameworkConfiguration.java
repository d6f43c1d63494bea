package org.sanctuaryscorecard.framework.internal;

import java.io.IOException;
import java.io.InputStream;

import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.framework.FrameworkException;
import org.sanctuaryscorecard.framework.FrameworkLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the framework once at start-up from {@code scorecard.framework.location}; a bad file stops the start. */
@Configuration(proxyBeanMethods = false)
class FrameworkConfiguration {

    @Bean
    Framework framework(@Value("${scorecard.framework.location}") String location, ResourceLoader resourceLoader) {
        String source = location.replaceFirst("^(classpath|file):", "");
        Resource resource = resourceLoader.getResource(location);
        if (!resource.exists()) {
            throw new FrameworkException(source, "", "the file does not exist; check the setting scorecard.framework.location");
        }
        try (InputStream in = resource.getInputStream()) {
            return FrameworkLoader.read(source, in);
        } catch (IOException e) {
            throw new FrameworkException(source, "", "the file cannot be read: " + e.getMessage());
        }
    }
}
