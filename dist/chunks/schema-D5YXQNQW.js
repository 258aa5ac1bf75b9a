var y=Object.create;var n=Object.defineProperty;var m=Object.getOwnPropertyDescriptor;var f=Object.getOwnPropertyNames;var g=Object.getPrototypeOf,b=Object.prototype.hasOwnProperty;var a=(e,t)=>()=>{try{return t||e((t={exports:{}}).exports,t),t.exports}catch(i){throw t=0,i}},q=(e,t)=>{for(var i in t)n(e,i,{get:t[i],enumerable:!0})},o=(e,t,i,s)=>{if(t&&typeof t=="object"||typeof t=="function")for(let r of f(t))!b.call(e,r)&&r!==i&&n(e,r,{get:()=>t[r],enumerable:!(s=m(t,r))||s.enumerable});return e};var p=(e,t,i)=>(i=e!=null?y(g(e)):{},o(t||!e||!e.__esModule?n(i,"default",{value:e,enumerable:!0}):i,e)),k=e=>o(n({},"__esModule",{value:!0}),e);var u=a((I,d)=>{d.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-WTBZGW6Y.js"]??require("./chunk-WTBZGW6Y.js")});var l=a((S,c)=>{c.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-F2OXKJLV.js"]??require("./chunk-F2OXKJLV.js")});var v={};q(v,{runSchemaCommand:()=>$});module.exports=k(v);var h=p(u(),1),x=p(l(),1),T=`{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "ses-guard policy",
  "description": "Rules for Amazon SES v2 accounts, checked by ses-guard against GetAccount.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "version": {
      "const": 1,
      "description": "The policy language version; only 1 exists."
    },
    "extends": {
      "type": "array",
      "items": {
        "type": "string",
        "pattern": "\\\\S"
      },
      "description": "Built-in pack names (recommended, strict, reputation) or paths relative to this file."
    },
    "rules": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/rule"
      }
    },
    "overrides": {
      "type": "object",
      "description": "Changes to inherited rules, by rule id.",
      "propertyNames": {
        "pattern": "^[a-z0-9][a-z0-9-]{0,127}$"
      },
      "additionalProperties": {
        "$ref": "#/definitions/override"
      }
    },
    "waivers": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/waiver"
      }
    }
  },
  "definitions": {
    "severity": {
      "enum": [
        "error",
        "warning",
        "notice"
      ]
    },
    "ruleId": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9-]{0,127}$",
      "description": "Lower-case letters, digits and hyphens, starting with a letter or digit; at most 128 characters."
    },
    "globs": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "string",
        "pattern": "\\\\S"
      }
    },
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "check"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/ruleId"
        },
        "title": {
          "type": "string",
          "pattern": "\\\\S"
        },
        "severity": {
          "$ref": "#/definitions/severity",
          "description": "Default: error."
        },
        "regions": {
          "$ref": "#/definitions/globs",
          "description": "Region globs (us-east-1, eu-*); the rule is skipped elsewhere."
        },
        "when": {
          "$ref": "#/definitions/check",
          "description": "A condition in the same language as check: the rule is evaluated where it is true or unknown, and skipped where it is false."
        },
        "check": {
          "$ref": "#/definitions/check"
        },
        "message": {
          "type": "string",
          "pattern": "\\\\S",
          "description": "Template with {path}, {actual}, {expected}, {region}, {accountId}, {ruleId}, {title}."
        },
        "remediation": {
          "type": "string",
          "pattern": "\\\\S"
        },
        "docs": {
          "type": "string",
          "pattern": "\\\\S"
        }
      }
    },
    "check": {
      "type": "object",
      "description": "A leaf (\`path\` plus exactly one operator) or a composition (\`all\`, \`any\`, \`not\`).",
      "additionalProperties": false,
      "properties": {
        "path": {
          "type": "string",
          "pattern": "\\\\S",
          "description": "Dotted path into GetAccountResponse (SendQuota.Max24HourSend) or a computed fact ($quotaUsedPercent, $quotaUnlimited, $region, $accountId, $accountName, $accountTags.<Key>, $reputation.bounceRatePercent, $reputation.complaintRatePercent)."
        },
        "equals": {
          "anyOf": [
            {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            },
            {
              "type": "array",
              "items": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              }
            }
          ],
          "description": "The value equals this exactly (lists in order)."
        },
        "notEquals": {
          "anyOf": [
            {
              "type": [
                "string",
                "number",
                "boolean"
              ]
            },
            {
              "type": "array",
              "items": {
                "type": [
                  "string",
                  "number",
                  "boolean"
                ]
              }
            }
          ],
          "description": "The value is set and differs from this."
        },
        "in": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "The value is one of these."
        },
        "notIn": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "The value is set and is none of these."
        },
        "contains": {
          "type": [
            "string",
            "number",
            "boolean"
          ],
          "description": "The list has this element, or the string has this substring."
        },
        "containsAll": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "The list has every one of these."
        },
        "containsAny": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "The list has at least one of these."
        },
        "containsNone": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": [
              "string",
              "number",
              "boolean"
            ]
          },
          "description": "The list has none of these."
        },
        "exists": {
          "type": "boolean",
          "description": "Whether the path is set (never unknown)."
        },
        "greaterThan": {
          "type": "number",
          "description": "The number is greater than this."
        },
        "greaterThanOrEqual": {
          "type": "number",
          "description": "The number is at least this."
        },
        "lessThan": {
          "type": "number",
          "description": "The number is less than this."
        },
        "lessThanOrEqual": {
          "type": "number",
          "description": "The number is at most this."
        },
        "matches": {
          "type": "string",
          "pattern": "\\\\S",
          "description": "The string matches this RE2 regular expression."
        },
        "all": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/definitions/check"
          },
          "description": "True when every check is true; false if any is false; otherwise unknown."
        },
        "any": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/definitions/check"
          },
          "description": "True when some check is true; unknown if none is but some are unknown."
        },
        "not": {
          "$ref": "#/definitions/check",
          "description": "Negation; unknown stays unknown."
        }
      },
      "oneOf": [
        {
          "required": [
            "path"
          ]
        },
        {
          "required": [
            "all"
          ]
        },
        {
          "required": [
            "any"
          ]
        },
        {
          "required": [
            "not"
          ]
        }
      ],
      "if": {
        "required": [
          "path"
        ]
      },
      "then": {
        "oneOf": [
          {
            "required": [
              "equals"
            ]
          },
          {
            "required": [
              "notEquals"
            ]
          },
          {
            "required": [
              "in"
            ]
          },
          {
            "required": [
              "notIn"
            ]
          },
          {
            "required": [
              "contains"
            ]
          },
          {
            "required": [
              "containsAll"
            ]
          },
          {
            "required": [
              "containsAny"
            ]
          },
          {
            "required": [
              "containsNone"
            ]
          },
          {
            "required": [
              "exists"
            ]
          },
          {
            "required": [
              "greaterThan"
            ]
          },
          {
            "required": [
              "greaterThanOrEqual"
            ]
          },
          {
            "required": [
              "lessThan"
            ]
          },
          {
            "required": [
              "lessThanOrEqual"
            ]
          },
          {
            "required": [
              "matches"
            ]
          }
        ]
      },
      "else": {
        "description": "Without \`path\`, a check is one composition and nothing else: an operator beside all/any/not has no path to apply to.",
        "additionalProperties": false,
        "properties": {
          "all": true,
          "any": true,
          "not": true
        }
      }
    },
    "override": {
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "severity": {
          "$ref": "#/definitions/severity"
        },
        "enabled": {
          "type": "boolean"
        }
      }
    },
    "waiver": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rule",
        "reason",
        "expires"
      ],
      "properties": {
        "rule": {
          "$ref": "#/definitions/ruleId"
        },
        "regions": {
          "$ref": "#/definitions/globs"
        },
        "when": {
          "$ref": "#/definitions/check",
          "description": "A condition in the same language as check: the waiver applies only where it is true."
        },
        "accounts": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "pattern": "^[0-9]{12}$"
          }
        },
        "reason": {
          "type": "string",
          "pattern": "\\\\S"
        },
        "expires": {
          "type": "string",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
          "description": "YYYY-MM-DD; the waiver applies through the end of this day, UTC."
        }
      }
    }
  }
}
`;function $(e){return e.stdout(T),h.a.ok}0&&(module.exports={runSchemaCommand});
//# sourceMappingURL=schema-D5YXQNQW.js.map
