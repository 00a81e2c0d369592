package dev.cai.loadtest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cai.cost.PriceTable;
import dev.cai.cost.PublishedCostTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the published Step Functions cost table, reproduced, and the same runs as AWS bills. */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the published Step Functions cost table reproduced from its own "
                    + "inputs, then the same runs billed as AWS bills them: configured memory, "
                    + "duration rounded up to 1 ms, and the request charge."
        })
public final class CostCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of aligned text.")
    boolean json;

    @Option(
            names = "--prices",
            paramLabel = "FILE|JSON",
            description =
                    "Price table as a file path or JSON text (default: the built-in "
                            + "us-east-1 table).")
    String prices;

    @Option(
            names = "--memory-mb",
            defaultValue = "10240",
            description =
                    "Configured memory of the billed runs, in MB (default: ${DEFAULT-VALUE}).")
    int memoryMb;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PriceTable table = PriceTable.load(prices);
        List<PublishedCostTable.Row> rows = PublishedCostTable.rows(table, memoryMb);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(table, memoryMb, rows) : text(table, memoryMb, rows));
        out.flush();
        return 0;
    }

    static String text(PriceTable table, int memoryMb, List<PublishedCostTable.Row> rows) {
        StringBuilder text = new StringBuilder();
        text.append("Published Step Functions cost table, reproduced from its own inputs\n")
                .append("(cost = requests x duration_s x memory_GB x $0.00001667, memory as ")
                .append("used, no request charge)\n\n");
        text.append(
                String.format(
                        Locale.ROOT,
                        "%-10s %9s %11s %10s %10s %11s%n",
                        "partition",
                        "requests",
                        "duration_s",
                        "memory_GB",
                        "published",
                        "reproduced"));
        for (PublishedCostTable.Row row : rows) {
            PublishedCostTable.Run run = row.run();
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%-10s %9d %11.2f %10.1f %10s %11s%n",
                            run.partitionMb() + " MB",
                            run.requests(),
                            run.durationSeconds(),
                            run.memoryGb(),
                            "$" + run.publishedCostUsd(),
                            "$" + row.reproducedCostUsd()));
        }
        text.append(
                String.format(
                        Locale.ROOT,
                        "%nThe same runs billed as AWS bills them: %,d MB configured, duration"
                            + " rounded up to 1 ms, plus $%s per million requests%n(%s list prices"
                            + " checked %s, x86_64 $%s per GB-second; INIT time is not in the"
                            + " published inputs)%n%n",
                        memoryMb,
                        plain(table.lambdaPerMillionRequests().usd()),
                        table.region(),
                        table.checkedOn(),
                        plain(table.lambdaPerGbSecondX86().usd())));
        text.append(
                String.format(
                        Locale.ROOT,
                        "%-10s %9s %11s %12s %12s %13s %10s%n",
                        "partition",
                        "requests",
                        "duration_s",
                        "GB-seconds",
                        "compute_usd",
                        "requests_usd",
                        "total_usd"));
        for (PublishedCostTable.Row row : rows) {
            PublishedCostTable.Run run = row.run();
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%-10s %9d %11.3f %12.1f %12.4f %13.6f %10.4f%n",
                            run.partitionMb() + " MB",
                            run.requests(),
                            run.durationSeconds(),
                            row.billedGbSeconds(),
                            row.computeUsd(),
                            row.requestsUsd(),
                            row.billedCostUsd()));
        }
        return text.toString();
    }

    static String json(PriceTable table, int memoryMb, List<PublishedCostTable.Row> rows)
            throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PublishedCostTable.Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("partitionMb", row.run().partitionMb());
            entry.put("requests", row.run().requests());
            entry.put("durationSeconds", row.run().durationSeconds());
            entry.put("memoryUsedGb", row.run().memoryGb());
            entry.put("publishedCostUsd", row.run().publishedCostUsd());
            entry.put("reproducedCostUsd", row.reproducedCostUsd());
            entry.put("billedGbSeconds", row.billedGbSeconds());
            entry.put("billedComputeUsd", row.computeUsd());
            entry.put("billedRequestsUsd", row.requestsUsd());
            entry.put("billedTotalUsd", row.billedCostUsd());
            entries.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("publishedPricePerGbSecond", PublishedCostTable.PUBLISHED_PRICE_PER_GB_SECOND);
        root.put("configuredMemoryMb", memoryMb);
        root.put("region", table.region());
        root.put("pricesCheckedOn", table.checkedOn());
        root.put("rows", entries);
        return new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(root)
                + System.lineSeparator();
    }

    private static String plain(double value) {
        return new java.math.BigDecimal(Double.toString(value))
                .stripTrailingZeros()
                .toPlainString();
    }
}
