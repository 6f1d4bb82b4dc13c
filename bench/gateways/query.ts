/**
 * The federation scenario's operation, verbatim from the public benchmark's k6 script
 * (graphql-hive/graphql-gateways-benchmark, k6.js): users → reviews → product → reviews → author →
 * reviews → product, and topProducts → reviews → author → reviews → product.
 */
export const TEST_QUERY = `fragment User on User {
      id
      username
      name
    }

    fragment Review on Review {
      id
      body
    }

    fragment Product on Product {
      inStock
      name
      price
      shippingEstimate
      upc
      weight
    }

    query TestQuery {
      users {
        ...User
        reviews {
          ...Review
          product {
            ...Product
            reviews {
              ...Review
              author {
                ...User
                reviews {
                  ...Review
                  product {
                    ...Product
                  }
                }
              }
            }
          }
        }
      }
      topProducts {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }`;

/** The request body every gateway receives, byte for byte. */
export const TEST_REQUEST_BODY = JSON.stringify({ query: TEST_QUERY });
