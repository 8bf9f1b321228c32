using System.Text.Json;

namespace BitmernSolo.Bench.Load;

/// <summary>What the load client needs from one line the pool sent: a reply (id, result, error code) or a notify (job, prevhash, ntime).</summary>
internal struct StratumReply
{
    public long Id;
    public bool IsNotify;
    public bool ResultTrue;
    public int ErrorCode; // 0: none
    public string? JobId;
    public string? PreviousHash;
    public string? NTime;

    /// <summary>Parses pool output in any key order (ours, ckpool's); false for a line that is not a JSON object.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out StratumReply reply)
    {
        reply = default;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        reply.Id = reader.GetInt64();
                    }
                }
                else if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    reply.IsNotify = reader.ValueTextEquals("mining.notify"u8);
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    reply.ResultTrue = reader.TokenType == JsonTokenType.True;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Read();
                        reply.ErrorCode = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : -1;
                        while (reader.CurrentDepth > 1)
                        {
                            reader.Read();
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("params"u8))
                {
                    reader.Read();
                    ReadParams(ref reader, ref reply);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void ReadParams(ref Utf8JsonReader reader, ref StratumReply reply)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (index++)
            {
                case 0 when reader.TokenType == JsonTokenType.String: reply.JobId = reader.GetString(); break;
                case 1 when reader.TokenType == JsonTokenType.String: reply.PreviousHash = reader.GetString(); break;
                case 7 when reader.TokenType == JsonTokenType.String: reply.NTime = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }
    }
}
