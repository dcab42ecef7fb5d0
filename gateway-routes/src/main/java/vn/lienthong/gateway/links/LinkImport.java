package vn.lienthong.gateway.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.vdxp.VdxpClient;
import vn.lienthong.gateway.directory.Agency;
import vn.lienthong.gateway.directory.DeliveryMode;
import vn.lienthong.gateway.directory.DirectoryRepository;
import vn.lienthong.gateway.directory.Side;

/**
 * Takes a link's agency list (its getAgenciesList) into the directory, so that remote agencies need not be typed
 * by hand: first what it would do (add, change, leave alone because the agency is local here), then, when asked,
 * doing it in one transaction. A local agency is never turned into a remote one.
 */
public class LinkImport {

    /** An agency of the link's list and what the import does with it. */
    public record Entry(String code, String name, Side side, String currentName, String currentLink) {
    }

    /** What an import does (or did, when {@code applied}). */
    public record Plan(String link, boolean applied, List<Entry> add, List<Entry> change, List<String> local,
                       int unchanged) {
    }

    private final LinkRepository links;
    private final LinkClients clients;
    private final DirectoryRepository directory;
    private final TransactionTemplate transaction;

    public LinkImport(LinkRepository links, LinkClients clients, DirectoryRepository directory,
                      TransactionTemplate transaction) {
        this.links = links;
        this.clients = clients;
        this.directory = directory;
        this.transaction = transaction;
    }

    public Plan run(String linkId, boolean apply) {
        Link link = links.find(linkId).orElseThrow(() -> new GatewayException(GatewayError.UNKNOWN_LINK, linkId));
        JsonNode list = agencyList(link);
        List<Entry> add = new ArrayList<>();
        List<Entry> change = new ArrayList<>();
        List<String> local = new ArrayList<>();
        int unchanged = 0;
        for (JsonNode item : list) {
            String code = item.path("code").asText(item.path("id").asText("")).trim();
            String name = item.path("name").asText("").trim();
            if (code.isEmpty() || code.length() > 32) {
                continue;
            }
            name = name.isEmpty() ? code : name.length() > 255 ? name.substring(0, 255) : name;
            Side side = "PARTY".equalsIgnoreCase(item.path("side").asText()) ? Side.PARTY : Side.STATE;
            Optional<Agency> current = directory.findAgency(code);
            if (current.isEmpty()) {
                add.add(new Entry(code, name, side, null, null));
            } else if (current.get().deliveryMode() != DeliveryMode.LINK) {
                local.add(code);
            } else {
                String currentLink = links.linkOf(code).orElse(null);
                if (linkId.equals(currentLink) && name.equals(current.get().name())) {
                    unchanged++;
                } else {
                    change.add(new Entry(code, name, current.get().side(), current.get().name(), currentLink));
                }
            }
        }
        if (apply) {
            transaction.executeWithoutResult(status -> {
                add.forEach(e -> links.addAgency(e.code(), e.name(), e.side(), linkId));
                change.forEach(e -> links.updateAgency(e.code(), e.name(), linkId));
            });
        }
        return new Plan(linkId, apply, add, change, local, unchanged);
    }

    private JsonNode agencyList(Link link) {
        VdxpClient.Answer answer;
        try {
            answer = clients.of(link).getAgenciesList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.LINK_UNREACHABLE, link.id());
        } catch (Exception e) {
            links.recordFailure(link.id(), "getAgenciesList: " + e);
            throw new GatewayException(GatewayError.LINK_UNREACHABLE, link.id() + ": " + e.getMessage());
        }
        if (!answer.ok()) {
            links.recordFailure(link.id(), "getAgenciesList: " + answer.errorCode() + " " + answer.errorDesc());
            throw new GatewayException(GatewayError.LINK_UNREACHABLE,
                    link.id() + ": " + answer.errorCode() + " " + answer.errorDesc());
        }
        links.recordSuccess(link.id());
        return answer.data();
    }
}
