package io.magpie.commerce.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic customers with a long-tailed buying activity (a few loyal buyers, many occasional ones). */
final class DemoPeople {

    record Person(
            String externalId,
            String name,
            String phone,
            String email,
            Instant registeredAt,
            Map<String, Object> attributes,
            double activity) {}

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英",
        "雪", "婷", "晨", "宇", "欣怡", "子涵", "浩然", "思远"
    };
    private static final String[] CITIES = {
        "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Guangzhou", "Chengdu", "Hong Kong", "Nanjing"
    };
    private static final String[] PHONE_PREFIXES = {"138", "139", "135", "136", "150", "158", "186", "177", "199", "131"
    };

    private DemoPeople() {}

    static List<Person> customers(Random random, int count, Instant now) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]
                    + String.format("%08d", random.nextInt(100_000_000));
            String email = random.nextInt(10) < 4 ? "shopper" + (i + 1) + "@example.com" : null;
            Instant registered =
                    now.minus(Duration.ofDays(30 + random.nextInt(3 * 365))).minusSeconds(random.nextInt(86_400));
            Map<String, Object> attributes = Map.of(
                    "gender",
                    random.nextInt(100) < 62 ? "F" : "M",
                    "city",
                    CITIES[random.nextInt(CITIES.length)],
                    "birth_year",
                    1965 + random.nextInt(40));
            // Zipf-like activity: rank 1 buys far more often than rank 5000
            double activity = 1.0 / Math.pow(i + 1, 0.75);
            people.add(new Person(String.format("C%05d", i + 1), name, phone, email, registered, attributes, activity));
        }
        return people;
    }
}
