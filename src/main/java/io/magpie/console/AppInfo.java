package io.magpie.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} tells operators which application and version answer: the build's
 * properties when the jar has them, otherwise the jar manifest, otherwise {@code development}.
 */
@Component
class AppInfo implements InfoContributor {

    private final String name;
    private final String version;

    AppInfo(@Value("${spring.application.name:magpie}") String name, ObjectProvider<BuildProperties> build) {
        this.name = name;
        BuildProperties props = build.getIfAvailable();
        String manifest = AppInfo.class.getPackage().getImplementationVersion();
        this.version = props != null ? props.getVersion() : manifest != null ? manifest : "development";
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("name", name);
        app.put("title", "Magpie");
        app.put("description", "Self-hosted marketing campaign platform");
        app.put("version", version);
        app.put("java", System.getProperty("java.version"));
        builder.withDetail("app", app);
    }
}
