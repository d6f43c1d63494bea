package org.sanctuaryscorecard.nationalmap.internal;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The vendored map files ({@code static/vendor/}: topojson-client and the 2023 boundaries, 800 KB) are cached by
 * browsers for 30 days instead of the application's default hour: they change only with a new version of the
 * application, which renames nothing but is rare. A new boundary file gets a new folder name.
 */
@Configuration(proxyBeanMethods = false)
class MapResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/static/vendor/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
    }
}
