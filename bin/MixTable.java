import java.io.IOException;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prints the mixes of a POST /experiments response (read from stdin) as a table: one row per mix. */
public class MixTable {
    public static void main(String[] args) throws IOException {
        String json = new String(System.in.readAllBytes());
        Matcher id = Pattern.compile("^\\{\"id\":\"([^\"]+)\"").matcher(json);
        System.out.println("experiment " + (id.find() ? id.group(1) : "?"));
        Matcher mix = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"design\":\"([^\"]+)\",\"counts\":\\{([^}]*)\\},\"total\":(\\d+)").matcher(json);
        System.out.printf("%-34s %-16s %6s  %s%n", "mix", "design", "total", "examples per language");
        int n = 0;
        while (mix.find()) {
            StringBuilder counts = new StringBuilder();
            for (String kv : new TreeSet<>(java.util.List.of(mix.group(3).split(",")))) {
                counts.append(kv.replace("\"", "").replace(":", "=")).append(' ');
            }
            System.out.printf("%-34s %-16s %6s  %s%n", mix.group(1), mix.group(2), mix.group(4), counts.toString().trim());
            n++;
        }
        System.out.println(n + " mixes written to the artifact store");
    }
}
