package dev.pinch.cli.commands;

import dev.pinch.cli.local.LocalStack;
import dev.pinch.cli.local.StackConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run Pinch locally until Ctrl-C: the embedded Kafka broker and the three services, files "
                + "under --data. Use `pinch submit`, `watch`, `report` from another terminal.")
public class UpCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws Exception {
        StackConfig config = stack.config(Map.of());
        LocalStack running = LocalStack.start(config, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Shutdown.quietly(running), "pinch-shutdown"));
        System.out.println("Pinch is up (Swagger UI: " + config.endpoints().dataset() + "/q/swagger-ui); Ctrl-C stops it");
        while (running.crashed().isEmpty()) {
            Thread.sleep(1000);
        }
        System.err.println("pinch: " + running.crashed().get());
        System.err.println("pinch: stopping the other services");
        return 1;
    }
}
