package vn.lienthong.gateway.directory;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.gateway.config.GatewayProperties;

/**
 * Loads a directory file ({@code gateway.directory.seed}, by default the sample directory) into the
 * database on the first start only, that is when no agency exists yet, in one transaction.
 *
 * <p>Runs once every singleton exists (so after the Flyway migration) and before the web server and
 * the Camel routes start, so that no request ever meets a half-loaded directory. If several nodes start
 * at once on one database, one of them loads the file and the others find it loaded.
 */
@Component
public class DirectorySeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    /** What a seeding attempt did. */
    public enum Outcome {
        /** the file was loaded */
        LOADED,
        /** agencies already existed; nothing was written */
        ALREADY_PRESENT,
        /** {@code gateway.directory.seed} is empty */
        DISABLED
    }

    public record Result(Outcome outcome, int agencies, int systems, String location) {
    }

    private final DirectoryRepository repository;
    private final TransactionTemplate transactions;
    private final ResourceLoader resourceLoader;
    private final String location;
    private volatile Result lastResult;

    @Autowired
    public DirectorySeeder(DirectoryRepository repository, PlatformTransactionManager transactionManager,
            ResourceLoader resourceLoader, GatewayProperties properties) {
        this(repository, transactionManager, resourceLoader, properties.directory().seed());
    }

    public DirectorySeeder(DirectoryRepository repository, PlatformTransactionManager transactionManager,
            ResourceLoader resourceLoader, String location) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.resourceLoader = resourceLoader;
        this.location = location == null ? "" : location.trim();
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** The result of the last {@link #seed()} (null before the first). */
    public Result lastResult() {
        return lastResult;
    }

    public Result seed() {
        Result result = doSeed();
        lastResult = result;
        return result;
    }

    private Result doSeed() {
        if (location.isEmpty()) {
            log.info("Không nạp danh bạ: gateway.directory.seed để trống (directory seeding disabled)");
            return new Result(Outcome.DISABLED, 0, 0, location);
        }
        long existing = repository.countAgencies();
        if (existing > 0) {
            log.info("Danh bạ đã có {} cơ quan, không nạp lại {} (directory already holds {} agencies, {} not loaded)",
                    existing, location, existing, location);
            return new Result(Outcome.ALREADY_PRESENT, 0, 0, location);
        }
        DirectoryFile file = read();
        Result result;
        try {
            result = transactions.execute(status -> {
                if (repository.countAgencies() > 0) {
                    return new Result(Outcome.ALREADY_PRESENT, 0, 0, location);
                }
                file.agencies().forEach(a -> repository.insertAgency(a.toAgency()));
                file.systems().forEach(s -> {
                    repository.insertSystem(s.toSystemAccount());
                    if (s.strict() || !s.allowedSources().isEmpty()) {
                        repository.setRequestSecurity(s.systemId(), s.strict(), s.allowedSources());
                    }
                });
                file.agencies().stream().filter(a -> a.retiredSuccessor() != null).forEach(a -> repository.insertRetirement(
                        a.code(), a.retiredSuccessor(), a.retiredDocuments() == null ? null : a.retiredDocuments().name()));
                return new Result(Outcome.LOADED, file.agencies().size(), file.systems().size(), location);
            });
        } catch (DuplicateKeyException e) {
            // another node loaded it between our check and our insert
            if (repository.countAgencies() == 0) {
                throw e;
            }
            result = new Result(Outcome.ALREADY_PRESENT, 0, 0, location);
        }
        if (result.outcome() == Outcome.LOADED) {
            log.info("Đã nạp danh bạ từ {}: {} cơ quan, {} hệ thống (directory loaded from {}: {} agencies, {} systems)",
                    location, result.agencies(), result.systems(), location, result.agencies(), result.systems());
            if (location.contains("sample-directory")) {
                log.warn("Danh bạ mẫu chứa mã và khóa bí mật dùng để thử nghiệm, không dùng khi vận hành thật "
                        + "(the sample directory holds test codes and secrets: not for a real deployment)");
            }
        } else {
            log.info("Danh bạ đã được nút khác nạp, bỏ qua {} (directory loaded by another node, {} skipped)",
                    location, location);
        }
        return result;
    }

    private DirectoryFile read() {
        Resource resource = resourceLoader.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("Không tìm thấy tệp danh bạ " + location
                    + " (gateway.directory.seed: directory file not found)");
        }
        List<PropertySource<?>> documents;
        try {
            documents = new YamlPropertySourceLoader().load(location, resource);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Không đọc được tệp danh bạ " + location
                    + " (cannot read the directory file): " + e.getMessage(), e);
        }
        DirectoryFile file;
        try {
            file = documents.isEmpty() ? null : new Binder(ConfigurationPropertySources.from(documents.get(0)))
                    .bind("directory", Bindable.of(DirectoryFile.class))
                    .orElse(null);
        } catch (BindException e) {
            throw new IllegalStateException("Tệp danh bạ " + location + " không hợp lệ tại " + e.getName()
                    + " (invalid directory file): " + rootMessage(e), e);
        }
        if (file == null) {
            throw new IllegalStateException("Tệp danh bạ " + location
                    + " thiếu mục 'directory:' (directory file has no 'directory:' section)");
        }
        file.validate(location);
        return file;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The file format; see config/directory/sample-directory.yml. */
    record DirectoryFile(List<AgencyEntry> agencies, List<SystemEntry> systems) {

        DirectoryFile {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
            systems = systems == null ? List.of() : List.copyOf(systems);
        }

        void validate(String location) {
            Set<String> codes = new HashSet<>();
            for (AgencyEntry a : agencies) {
                require(a.code() != null && !a.code().isBlank() && a.code().length() <= 32,
                        location, "mã cơ quan trống hoặc dài quá 32 ký tự", "agency code empty or longer than 32: "
                                + a.code());
                require(codes.add(a.code()), location, "mã cơ quan trùng " + a.code(),
                        "duplicate agency code " + a.code());
                require(a.name() != null && !a.name().isBlank(), location, "cơ quan " + a.code() + " thiếu tên",
                        "agency " + a.code() + " has no name");
                require(a.side() != null, location, "cơ quan " + a.code() + " thiếu side (PARTY|STATE)",
                        "agency " + a.code() + " has no side");
                require(a.deliveryMode() != DeliveryMode.LINK, location, "cơ quan " + a.code() + ": đơn vị qua liên kết"
                        + " được thêm bằng API vận hành (/api/v1/directory/links) hoặc lệnh lienthong links",
                        "agency " + a.code() + ": agencies behind a link are added through the links API or CLI");
                require(!a.deliveryMode().isPush() || (a.pushEndpoint() != null && !a.pushEndpoint().isBlank()),
                        location, "cơ quan " + a.code() + " nhận kiểu " + a.deliveryMode() + " nhưng thiếu push-endpoint",
                        "agency " + a.code() + " is " + a.deliveryMode() + " without a push-endpoint");
            }
            for (AgencyEntry a : agencies) {
                if (a.retiredSuccessor() == null) {
                    continue;
                }
                AgencyEntry successor = agencies.stream().filter(s -> s.code().equals(a.retiredSuccessor())).findFirst()
                        .orElse(null);
                require(successor != null && successor != a && successor.retiredSuccessor() == null, location,
                        "cơ quan " + a.code() + " có retired-successor " + a.retiredSuccessor()
                                + " không có trong danh bạ, trùng chính nó hoặc cũng đã thôi sử dụng",
                        "agency " + a.code() + " has a retired-successor that is unknown, itself, or retired too");
            }
            Set<String> ids = new HashSet<>();
            for (SystemEntry s : systems) {
                require(s.systemId() != null && !s.systemId().isBlank() && s.systemId().length() <= 64, location,
                        "mã hệ thống trống hoặc dài quá 64 ký tự", "system id empty or longer than 64: " + s.systemId());
                require(ids.add(s.systemId()), location, "mã hệ thống trùng " + s.systemId(),
                        "duplicate system id " + s.systemId());
                require(s.name() != null && !s.name().isBlank(), location, "hệ thống " + s.systemId() + " thiếu tên",
                        "system " + s.systemId() + " has no name");
                require(s.secret() != null && !s.secret().isBlank(), location,
                        "hệ thống " + s.systemId() + " thiếu secret", "system " + s.systemId() + " has no secret");
                for (String code : s.agencies()) {
                    require(codes.contains(code), location,
                            "hệ thống " + s.systemId() + " khai báo cơ quan " + code + " không có trong danh bạ",
                            "system " + s.systemId() + " lists unknown agency " + code);
                }
            }
        }

        private static void require(boolean condition, String location, String vietnamese, String english) {
            if (!condition) {
                throw new IllegalStateException("Tệp danh bạ " + location + " không hợp lệ: " + vietnamese
                        + " (invalid directory file: " + english + ")");
            }
        }
    }

    record AgencyEntry(String code, String name, Side side,
            @DefaultValue("PULL") DeliveryMode deliveryMode,
            String pushEndpoint,
            @DefaultValue("IF_PRESENT") SignaturePolicy signaturePolicy,
            @DefaultValue("true") boolean enabled,
            String retiredSuccessor,
            AgencyRetirements.OnDocument retiredDocuments) {

        Agency toAgency() {
            return new Agency(code, name, side, deliveryMode, blankToNull(pushEndpoint), signaturePolicy, enabled,
                    null, null);
        }
    }

    record SystemEntry(String systemId, String name, String secret,
            @DefaultValue("true") boolean enabled,
            List<String> agencies,
            @DefaultValue("false") boolean strict,
            List<String> allowedSources) {

        SystemEntry {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
            allowedSources = allowedSources == null ? List.of() : List.copyOf(allowedSources);
        }

        SystemAccount toSystemAccount() {
            return new SystemAccount(systemId, name, secret, enabled, null, null, Set.copyOf(agencies));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
