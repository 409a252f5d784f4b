-- The dashboard's cohort summary without scanning every learner-day of the period (./bench.sh analytics: 160,000
-- learner-days for a month of 10,000 learners took 200-400 ms). Active learners in a period are not a sum of days
-- (count DISTINCT), so each learner keeps one bit per day: bit n = active (or completing) on 2020-01-01 + n days. A
-- period's active learners are then the learners with a set bit in its range: one short row per learner. The sums
-- (completions, mastery, time) are additive per day: one row per day and shard (user_id % 16, so concurrent events of
-- different learners seldom wait for the same row).
CREATE TABLE analytics_learner_activity (
    user_id     bigint PRIMARY KEY,
    active      varbit NOT NULL DEFAULT B'',
    completing  varbit NOT NULL DEFAULT B''
);

CREATE TABLE analytics_cohort_daily (
    day               date NOT NULL,
    shard             smallint NOT NULL,
    completions       integer NOT NULL DEFAULT 0,
    mastery_sum       double precision NOT NULL DEFAULT 0,
    learning_seconds  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, shard)
);

-- The day's bit number (days before 2020-01-01 share bit 0).
CREATE FUNCTION analytics_day_bit(day date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT greatest(0, day - DATE '2020-01-01') $$;

-- bits with the day's bit set, lengthened as needed.
CREATE FUNCTION analytics_with_day(bits varbit, day date) RETURNS varbit LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT set_bit(CASE WHEN length(bits) > analytics_day_bit(day) THEN bits
                              ELSE bits || repeat('0', analytics_day_bit(day) + 1 - length(bits))::varbit END,
                         analytics_day_bit(day), 1)::varbit $$;

-- Whether any bit from day from to day to (inclusive) is set; the number of such bits.
CREATE FUNCTION analytics_days_in(bits varbit, from_day date, to_day date) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT bit_count(substring(bits FROM analytics_day_bit(from_day) + 1 FOR analytics_day_bit(to_day) - analytics_day_bit(from_day) + 1)) $$;

-- What is already rolled up.
-- One bit string as long as the latest day needs, shifted to each day and OR-ed per learner (shifting past its end
-- gives zeros: a day without completions).
INSERT INTO analytics_learner_activity (user_id, active, completing)
SELECT d.user_id, bit_or(one.b >> analytics_day_bit(d.day)),
       bit_or(one.b >> CASE WHEN d.completions > 0 THEN analytics_day_bit(d.day) ELSE one.len END)
FROM analytics_learner_daily d,
     (SELECT rpad('1', len, '0')::varbit AS b, len FROM (SELECT max(analytics_day_bit(day)) + 1 AS len FROM analytics_learner_daily) m
      WHERE len IS NOT NULL) one
GROUP BY d.user_id;

INSERT INTO analytics_cohort_daily (day, shard, completions, mastery_sum, learning_seconds)
SELECT day, (user_id % 16)::smallint, sum(completions), sum(mastery_sum), sum(learning_seconds)
FROM analytics_learner_daily GROUP BY 1, 2;

-- Struggling areas: the average attempts of a concept's learners read from the index alone.
CREATE INDEX analytics_concept_learners_submitting ON analytics_concept_learners (concept_id) INCLUDE (submissions) WHERE submissions > 0;

-- Top concepts and struggling areas sum a period's concept-days: from the index alone.
DROP INDEX analytics_concept_daily_day;
CREATE INDEX analytics_concept_daily_day ON analytics_concept_daily (day)
    INCLUDE (concept_id, title, completions, mastery_sum, time_sum, time_count, submissions, failures);

-- Most successful paths: the learners of each path (the first four concepts completed, in order), kept by a trigger on
-- the profiles, instead of grouping every learner's profile by path on each request.
CREATE TABLE analytics_path_stats (
    path       bigint[] PRIMARY KEY,
    learners   integer NOT NULL,
    successes  integer NOT NULL,     -- learners whose path averaged a mastery of at least 0.8
    time_sum   double precision NOT NULL  -- seconds from the path's first to its last completion, summed
);

INSERT INTO analytics_path_stats (path, learners, successes, time_sum)
SELECT path, count(*), count(*) FILTER (WHERE path_mastery_sum / cardinality(path) >= 0.8),
       coalesce(sum(extract(epoch FROM path_last_at - path_started_at)), 0)
FROM analytics_learner_profiles WHERE cardinality(path) >= 2 GROUP BY path;

CREATE FUNCTION analytics_path_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND cardinality(OLD.path) >= 2 THEN
        UPDATE analytics_path_stats
        SET learners = learners - 1,
            successes = successes - CASE WHEN OLD.path_mastery_sum / cardinality(OLD.path) >= 0.8 THEN 1 ELSE 0 END,
            time_sum = time_sum - coalesce(extract(epoch FROM OLD.path_last_at - OLD.path_started_at), 0)
        WHERE path = OLD.path;
        DELETE FROM analytics_path_stats WHERE path = OLD.path AND learners <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND cardinality(NEW.path) >= 2 THEN
        INSERT INTO analytics_path_stats AS s (path, learners, successes, time_sum)
        VALUES (NEW.path, 1, CASE WHEN NEW.path_mastery_sum / cardinality(NEW.path) >= 0.8 THEN 1 ELSE 0 END,
                coalesce(extract(epoch FROM NEW.path_last_at - NEW.path_started_at), 0))
        ON CONFLICT (path) DO UPDATE SET learners = s.learners + 1, successes = s.successes + EXCLUDED.successes,
            time_sum = s.time_sum + EXCLUDED.time_sum;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_path_stats_insert AFTER INSERT OR DELETE ON analytics_learner_profiles
    FOR EACH ROW EXECUTE FUNCTION analytics_path_stats_apply();
CREATE TRIGGER analytics_path_stats_update AFTER UPDATE OF path, path_mastery_sum, path_started_at, path_last_at ON analytics_learner_profiles
    FOR EACH ROW
    WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.path_mastery_sum IS DISTINCT FROM NEW.path_mastery_sum
          OR OLD.path_started_at IS DISTINCT FROM NEW.path_started_at OR OLD.path_last_at IS DISTINCT FROM NEW.path_last_at)
    EXECUTE FUNCTION analytics_path_stats_apply();
