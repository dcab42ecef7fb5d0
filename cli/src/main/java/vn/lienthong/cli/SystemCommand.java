package vn.lienthong.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import vn.lienthong.vdxp.VdxpClient;

/**
 * A command of a document system on the VDXP-compatible API: the system's options ({@link SystemOptions}) and the
 * way a call's answer is required to be OK, held once for every such command.
 */
abstract class SystemCommand implements Callable<Integer> {

    @Mixin
    SystemOptions system;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The answer of one call when it is OK; else the gateway's refusal or the network's failure, told. */
    VdxpClient.Answer requireOk(Vdxp.Call<VdxpClient.Answer> call) throws InterruptedException {
        return Vdxp.requireOk(Vdxp.call(system.base(), call));
    }

    /** {@code --json}: the answer as it came, indented; exit 0. */
    int printJson(JsonNode answer) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        out.println(VdxpCommands.JSON.writeValueAsString(answer));
        out.flush();
        return 0;
    }
}
