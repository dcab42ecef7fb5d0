package vn.lienthong.gateway.operator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.Side;
import vn.lienthong.gateway.links.Link;
import vn.lienthong.gateway.links.LinkImport;
import vn.lienthong.gateway.links.LinkRepository;

/**
 * Links to other axes, managed like the directory (reads: VIEWER; changes: ADMIN): each with its state (up,
 * failing since, backlog, last success), the agencies behind it and the packets lately taken from it. Secrets are
 * written, never read back.
 */
@RestController
@RequestMapping("/api/v1/directory/links")
@Tag(name = "Liên kết trục (links to other axes)")
public class LinksApiController {

    private final LinkRepository links;
    private final LinkImport importer;
    private final DirectoryRepository directory;

    public LinksApiController(LinkRepository links, LinkImport importer, DirectoryRepository directory) {
        this.links = links;
        this.importer = importer;
        this.directory = directory;
    }

    /** A link as an admin writes it; on update, absent fields keep their value. */
    public record LinkInput(String id, String name, String endpoint, String systemId, String secret,
                            String clientKeystore, String clientKeystorePassword, Boolean enabled) {
    }

    /** An agency to reach through a link. */
    public record RemoteAgencyInput(String code, String name, Side side) {
    }

    @GetMapping
    @Operation(summary = "Danh sách liên kết và trạng thái (links and their state)")
    public List<Map<String, Object>> list() {
        return links.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một liên kết: trạng thái, đơn vị phía sau, gói tin nhận gần đây (one link)")
    public Map<String, Object> one(@PathVariable String id) {
        Map<String, Object> view = view(link(id));
        view.put("agencies", links.agenciesBehind(id));
        view.put("receipts", links.recentReceipts(id, 50));
        return view;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm liên kết (add a link)")
    public Map<String, Object> add(@RequestBody LinkInput input) {
        if (input.id() == null || !input.id().matches("[A-Za-z0-9._-]{1,48}") || input.name() == null
                || input.systemId() == null || input.secret() == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER,
                    "cần id (chữ, số, . _ -, tối đa 48), name, endpoint http(s), systemId, secret");
        }
        if (links.find(input.id()).isPresent()) {
            throw new GatewayException(GatewayError.LINK_ALREADY_EXISTS, input.id());
        }
        links.insert(checked(new Link(input.id(), input.name(), input.endpoint(), input.systemId(), input.secret(),
                input.clientKeystore(), input.clientKeystorePassword(), input.enabled() == null || input.enabled(),
                null, null, null, null, null)));
        return view(link(input.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa liên kết (change a link)")
    public Map<String, Object> change(@PathVariable String id, @RequestBody LinkInput input) {
        Link current = link(id);
        links.update(checked(new Link(id, or(input.name(), current.name()), or(input.endpoint(), current.endpoint()),
                or(input.systemId(), current.systemId()), or(input.secret(), current.secret()),
                or(input.clientKeystore(), current.clientKeystore()),
                or(input.clientKeystorePassword(), current.clientKeystorePassword()),
                or(input.enabled(), current.enabled()), null, null, null, null, null)));
        return view(link(id));
    }

    @PostMapping("/{id}/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm một đơn vị đi qua liên kết (reach an agency through the link)")
    public Map<String, Object> addAgency(@PathVariable String id, @RequestBody RemoteAgencyInput input) {
        link(id);
        if (input.code() == null || input.code().isBlank() || input.code().length() > 32 || input.name() == null) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "cần code (tối đa 32 ký tự), name");
        }
        var current = directory.findAgency(input.code());
        if (current.isPresent() && current.get().deliveryMode() != DeliveryMode.LINK) {
            throw new GatewayException(GatewayError.AGENCY_IS_LOCAL, input.code());
        }
        if (current.isPresent()) {
            links.updateAgency(input.code(), input.name(), id);
        } else {
            links.addAgency(input.code(), input.name(), input.side() == null ? Side.STATE : input.side(), id);
        }
        return one(id);
    }

    @GetMapping("/{id}/import")
    @Operation(summary = "Xem trước việc nhập danh sách đơn vị của trục liên kết, không thay đổi gì"
            + " (preview the import of the link's agency list; nothing changes)")
    public LinkImport.Plan previewImport(@PathVariable String id) {
        return importer.run(id, false);
    }

    @PostMapping("/{id}/import")
    @Operation(summary = "Nhập danh sách đơn vị của trục liên kết (import the link's agency list)")
    public LinkImport.Plan importAgencies(@PathVariable String id) {
        return importer.run(id, true);
    }

    private Link link(String id) {
        return links.find(id).orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_LINK, id));
    }

    private static Link checked(Link link) {
        if (link.endpoint() == null || !link.endpoint().matches("https?://.+")) {
            throw new GatewayException(GatewayError.BAD_PARAMETER, "endpoint phải là địa chỉ http(s) của API VDXP");
        }
        return link;
    }

    private Map<String, Object> view(Link link) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", link.id());
        view.put("name", link.name());
        view.put("endpoint", link.endpoint());
        view.put("systemId", link.systemId());
        view.put("clientKeystore", link.clientKeystore());
        view.put("enabled", link.enabled());
        view.put("state", link.state());
        view.put("lastSuccessAt", link.lastSuccessAt());
        view.put("failingSince", link.failingSince());
        view.put("lastError", link.lastError());
        view.put("lastPolledAt", link.lastPolledAt());
        view.put("backlog", links.backlog(link.id()));
        return view;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
