package org.sanctuaryscorecard.web.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's socket write buffer ({@code socket.appWriteBufSize}, 8 KB by default), larger: a published scorecard of
 * 43 KB otherwise leaves in six writes to the socket. Measured with bench/load.sh (docs/performance.md).
 * {@code scorecard.server.write-buffer} sets it.
 */
@Configuration(proxyBeanMethods = false)
class ServerTuning {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(@Value("${scorecard.server.write-buffer:64KB}") DataSize size) {
        return connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes()));
    }
}
