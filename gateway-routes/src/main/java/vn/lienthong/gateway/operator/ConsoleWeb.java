package vn.lienthong.gateway.operator;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the console's page at /console/ (Spring MVC does not serve a folder's index.html by itself). */
@Configuration
public class ConsoleWeb implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
        registry.addRedirectViewController("/console", "/console/");
    }
}
