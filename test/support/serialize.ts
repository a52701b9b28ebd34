/**
 * Captures the `__provider` text `dynamic.Resource` serializes, by constructing resources under mocks: the mock
 * monitor receives the registration inputs with the serialized provider already resolved to its text.
 */
import * as pulumi from "@pulumi/pulumi";

/** serializedProviders runs `declare` under mocks and returns each dynamic resource's `__provider` text by type. */
export async function serializedProviders(declare: () => void): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const text = (args.inputs as Record<string, unknown>).__provider;
        if (typeof text === "string") texts.set(args.type, text);
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
      },
      call: () => ({}),
    },
    "serialize",
    "test",
    false,
  );
  declare();
  await pulumi.runtime.disconnect();
  return texts;
}
