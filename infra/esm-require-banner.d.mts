export const ESM_REQUIRE_BANNER: string;
