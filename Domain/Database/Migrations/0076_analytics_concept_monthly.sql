-- Per concept and month, the sums of analytics_concept_daily, kept by a trigger: the dashboard's year view read
-- 500 concepts x 365 days (172,000 rows) twice per request; full months now come from here (12 x 500 rows) and only the
-- days at either edge of the period from the daily table (analytics_concept_range below).
CREATE TABLE analytics_concept_monthly (
    concept_id     bigint NOT NULL,
    month          date NOT NULL,         -- the month's first day
    title          text,                  -- the greatest of its days' titles, as max(title) over them
    completions    integer NOT NULL DEFAULT 0,
    mastery_sum    double precision NOT NULL DEFAULT 0,
    time_sum       bigint NOT NULL DEFAULT 0,
    time_count     integer NOT NULL DEFAULT 0,
    submissions    integer NOT NULL DEFAULT 0,
    failures       integer NOT NULL DEFAULT 0,
    PRIMARY KEY (month, concept_id)
);

INSERT INTO analytics_concept_monthly (concept_id, month, title, completions, mastery_sum, time_sum, time_count, submissions, failures)
SELECT concept_id, date_trunc('month', day)::date, max(title), sum(completions), sum(mastery_sum), sum(time_sum), sum(time_count),
       sum(submissions), sum(failures)
FROM analytics_concept_daily GROUP BY 1, 2;

CREATE FUNCTION analytics_concept_monthly_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE analytics_concept_monthly
        SET completions = completions - OLD.completions, mastery_sum = mastery_sum - OLD.mastery_sum,
            time_sum = time_sum - OLD.time_sum, time_count = time_count - OLD.time_count,
            submissions = submissions - OLD.submissions, failures = failures - OLD.failures
        WHERE month = date_trunc('month', OLD.day)::date AND concept_id = OLD.concept_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_concept_monthly AS m (concept_id, month, title, completions, mastery_sum, time_sum, time_count, submissions, failures)
        VALUES (NEW.concept_id, date_trunc('month', NEW.day)::date, NEW.title, NEW.completions, NEW.mastery_sum, NEW.time_sum,
                NEW.time_count, NEW.submissions, NEW.failures)
        ON CONFLICT (month, concept_id) DO UPDATE SET
            title = greatest(m.title, EXCLUDED.title),
            completions = m.completions + EXCLUDED.completions, mastery_sum = m.mastery_sum + EXCLUDED.mastery_sum,
            time_sum = m.time_sum + EXCLUDED.time_sum, time_count = m.time_count + EXCLUDED.time_count,
            submissions = m.submissions + EXCLUDED.submissions, failures = m.failures + EXCLUDED.failures;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_concept_monthly_change AFTER INSERT OR UPDATE OR DELETE ON analytics_concept_daily
    FOR EACH ROW EXECUTE FUNCTION analytics_concept_monthly_apply();

-- The concept rows of the days from_day..to_day: whole months from analytics_concept_monthly, the days before the first
-- whole month and after the last from analytics_concept_daily. Summing them per concept gives what summing the daily
-- rows of the period gives. Inlined by the planner (one SELECT), so each part is an index range scan.
--   first whole month's first day: date_trunc('month', from_day - 1) + 1 month
--   first day after the last whole month: date_trunc('month', to_day + 1)
-- With no whole month the first is not before the second, the month part is empty and the head covers the period.
CREATE FUNCTION analytics_concept_range(from_day date, to_day date)
RETURNS TABLE (concept_id bigint, title text, completions integer, mastery_sum double precision, time_sum bigint,
               time_count integer, submissions integer, failures integer)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT m.concept_id, m.title, m.completions, m.mastery_sum, m.time_sum, m.time_count, m.submissions, m.failures
    FROM analytics_concept_monthly m
    WHERE m.month >= (date_trunc('month', from_day - 1) + interval '1 month')::date
      AND m.month < date_trunc('month', to_day + 1)::date
    UNION ALL
    SELECT d.concept_id, d.title, d.completions, d.mastery_sum, d.time_sum, d.time_count, d.submissions, d.failures
    FROM analytics_concept_daily d
    WHERE d.day >= from_day AND d.day < least((date_trunc('month', from_day - 1) + interval '1 month')::date, to_day + 1)
    UNION ALL
    SELECT d.concept_id, d.title, d.completions, d.mastery_sum, d.time_sum, d.time_count, d.submissions, d.failures
    FROM analytics_concept_daily d
    WHERE d.day >= greatest(date_trunc('month', to_day + 1)::date, (date_trunc('month', from_day - 1) + interval '1 month')::date)
      AND d.day <= to_day
$$;
