package io.jenkins.plugins.mlops.tune;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tune stage's spec: a search (one shard of it, its trials run {@code parallelism} at once), or
 * the merge of the {@code tune.json} results of several shards.
 *
 * @param spec the training spec with a {@code tune} section (a search)
 * @param data the training rows (a search)
 * @param shard this shard, from 1 to {@code shards}
 * @param merge results of shards to merge instead of searching; empty for a search
 */
public record TuneSpec(Path spec, Path data, int parallelism, int shard, int shards, List<Path> merge) {
    public TuneSpec {
        merge = merge == null ? List.of() : List.copyOf(merge);
        if (merge.isEmpty()) {
            if (spec == null || data == null) {
                throw new InvalidInputException("tune needs --spec and --data (or the subcommand 'select')");
            }
            if (shards < 1 || shard < 1 || shard > shards) {
                throw new InvalidInputException("--shard must be I/N with 1 <= I <= N (got " + shard + "/" + shards + ")");
            }
            if (parallelism < 1) {
                throw new InvalidInputException("--parallelism must be 0 (one per core) or more");
            }
        }
    }

    public static TuneSpec search(Path spec, Path data, int parallelism, int shard, int shards) {
        return new TuneSpec(spec, data, parallelism, shard, shards, List.of());
    }

    public static TuneSpec merge(List<Path> results) {
        if (results.isEmpty()) {
            throw new InvalidInputException("no tune results to merge");
        }
        return new TuneSpec(null, null, 0, 0, 0, results);
    }
}
